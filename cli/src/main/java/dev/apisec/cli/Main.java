package dev.apisec.cli;

import dev.apisec.rules.BuiltInRules;

import java.nio.file.Path;

/** Entry point of the runnable jar: {@code java -jar apisec-cli.jar scan src/main/java}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit = new ApisecCommand(BuiltInRules.all(), Path.of("").toAbsolutePath()).commandLine().execute(args);
        System.exit(exit);
    }
}
