import groovy.json.JsonSlurper

// Deliberate problem: Broken.java does not parse; it becomes a notification, not a failure. Deliberate findings:
// none; OrderController names one CORS origin and SecurityConfig requires authentication for every request
// (the sources are never compiled here, but they are written against the real APIs).

def sarif = new JsonSlurper().parse(new File(basedir, 'target/apisec.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.results.isEmpty() : 'no findings expected, got: ' + run.results.collect { "${it.ruleId}: ${it.message.text}" }
assert run.invocations[0].executionSuccessful == true
def notes = run.invocations[0].toolExecutionNotifications
assert notes.any { n -> n.locations?.any { it.physicalLocation.artifactLocation.uri.endsWith('com/example/api/Broken.java') } }

def log = new File(basedir, 'build.log').text
// the goal ran by its prefix, without compiling, and finished despite the unparsable file
// Maven 3.8 names the plugin by artifactId (apisec-maven-plugin:0.1.0:check), 3.9 by prefix (apisec:0.1.0:check)
assert log =~ /--- (apisec-maven-plugin|apisec):[^:\s]+:check \(default-cli\) @ syntax-error ---/
assert log =~ /\[WARNING\] apisec: \S*com\/example\/api\/Broken\.java:\d+: error: /
assert log.contains('1 notification)')
assert log.contains('BUILD SUCCESS')
return true
