package dev.apisec.cli;

import dev.apisec.core.engine.ApisecVersion;
import dev.apisec.core.api.Rule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code apisec} command: {@code scan} and {@code rules}. Rules and working directory are injected so that
 * tests can run the command in-process on their own rules and temporary directories.
 *
 * <p>Exit codes: {@value #EXIT_OK} nothing at or above the threshold, {@value #EXIT_FINDINGS} findings at or above
 * it, {@value #EXIT_ERROR} usage or I/O error (one line on stderr, never a stack trace).
 */
@Command(name = "apisec",
        mixinStandardHelpOptions = true,
        versionProvider = ApisecCommand.Version.class,
        description = "Finds API security flaws in Spring MVC and JAX-RS sources and reports them as SARIF.",
        subcommands = CommandLine.HelpCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no finding at or above the --fail-on threshold",
                "1:findings at or above the threshold",
                "2:usage or I/O error"})
public final class ApisecCommand implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_ERROR = 2;

    private final List<Rule> rules;
    private final Path workingDirectory;

    @Spec
    CommandSpec spec;

    /**
     * @param rules            the rules {@code scan} runs and {@code rules} lists
     * @param workingDirectory what relative paths on the command line resolve against; also the default location
     *                         of {@code apisec.sarif} and the fallback scan base
     */
    public ApisecCommand(List<Rule> rules, Path workingDirectory) {
        this.rules = List.copyOf(rules);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** A configured command line: subcommands, exit codes, and one-line error messages. */
    public CommandLine commandLine() {
        CommandLine cl = new CommandLine(this);
        cl.addSubcommand("scan", new ScanCommand(rules, workingDirectory));
        cl.addSubcommand("rules", new RulesCommand(rules));
        cl.setParameterExceptionHandler(ApisecCommand::usageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": error: " + describe(ex));
            commandLine.getErr().flush();
            return EXIT_ERROR;
        });
        return cl;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: use 'apisec scan <dir>...' or 'apisec rules' (see 'apisec --help')");
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        cmd.getErr().flush();
        return EXIT_ERROR;
    }

    private static String describe(Exception ex) {
        String message = ex.getMessage();
        if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            return message == null ? ex.getClass().getSimpleName() : message;
        }
        return ex.getClass().getName() + (message == null ? "" : ": " + message);
    }

    /** {@code apisec <version>}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"apisec " + ApisecVersion.get()};
        }
    }
}
