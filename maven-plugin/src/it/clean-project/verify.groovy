import groovy.json.JsonSlurper

// A small but genuinely secured app: SecurityConfig requires authentication for every request (HTTP Basic, CSRF
// and security headers left on), the only endpoint returns the caller's own orders as a DTO record, CORS names
// one origin without credentials, no entity is returned, no exception handler, no configuration file.
// Deliberate findings: none. If a rule reports something here, either the rule has a false alarm or this app
// is not as secure as it should be: fix the one that is wrong, never relax this assertion.
def sarifFile = new File(basedir, 'target/apisec.sarif')
assert sarifFile.isFile() : 'the SARIF report is written'
def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
assert sarif.'$schema'
def run = sarif.runs[0]
assert run.tool.driver.name == 'apisec'
assert run.results != null
assert run.results.isEmpty() : "no findings expected on the clean project, got: " +
        run.results.collect { "${it.ruleId} ${it.locations[0].physicalLocation.artifactLocation.uri}: ${it.message.text}" }
assert run.automationDetails.id == 'apisec/clean-project/'
assert run.invocations[0].executionSuccessful == true
assert !run.invocations[0].toolExecutionNotifications

// the endpoint inventory sits next to the SARIF report and shows the security that applies
def inventory = new JsonSlurper().parse(new File(basedir, 'target/apisec/endpoints.json'))
assert inventory.schemaVersion == 1
assert inventory.endpoints.size() == 1
def orders = inventory.endpoints[0]
assert orders.method == 'GET'
assert orders.path == '/orders'
assert orders.framework == 'SPRING_MVC'
assert orders.handler == 'com.example.api.OrderController#list(Principal)'
assert orders.location.file == 'src/main/java/com/example/api/OrderController.java'
assert orders.parameters*.source == ['PRINCIPAL']
assert orders.access.level == 'AUTHENTICATED'
assert orders.access.summary == 'AUTHENTICATED'
assert orders.access.evidence.size() >= 1
assert orders.access.evidence[0].description == 'anyRequest().authenticated()'
assert orders.access.evidence[0].location.file == 'src/main/java/com/example/api/SecurityConfig.java'
def securityConfigLines = new File(basedir, 'src/main/java/com/example/api/SecurityConfig.java').readLines()
assert securityConfigLines[orders.access.evidence[0].location.line - 1].contains('anyRequest().authenticated()')
def table = new File(basedir, 'target/apisec/endpoints.md').text
assert table.contains('| GET | `/orders` | AUTHENTICATED | anyRequest().authenticated() (src/main/java/com/example/api/SecurityConfig.java:')

def log = new File(basedir, 'build.log').text
// Maven 3.8 names the plugin by artifactId (apisec-maven-plugin:0.1.0:check), 3.9 by prefix (apisec:0.1.0:check)
assert log =~ /--- (apisec-maven-plugin|apisec):[^:\s]+:check \(default\) @ clean-project ---/
assert log.contains('[INFO] apisec: 0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info (4 files analysed)')
assert log.contains('[INFO] apisec: SARIF report: target/apisec.sarif')
assert log.contains('BUILD SUCCESS')
return true
