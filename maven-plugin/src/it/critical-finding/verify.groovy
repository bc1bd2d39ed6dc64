import groovy.json.JsonSlurper

// Deliberate finding: exactly one, permissive-cors CRITICAL on AccountController.java line 10
// (@CrossOrigin(origins = "*", allowCredentials = "true")). Everything else is secure: SecurityConfig requires
// authentication for every request, so GET /account is AUTHENTICATED. If another finding shows up here, secure
// the project (or fix the rule's false alarm); the scenario needs one known critical finding.

// the build failed, and the SARIF report was written before it did
def sarifFile = new File(basedir, 'target/apisec.sarif')
assert sarifFile.isFile()
def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
assert sarif.'$schema'
def run = sarif.runs[0]
assert run.automationDetails.id == 'apisec/critical-finding/'
def describe = { r -> "${r.ruleId} ${r.properties?.severity} ${r.locations[0].physicalLocation.artifactLocation.uri}: ${r.message.text}" }
assert run.results*.ruleId == ['permissive-cors'] : 'only the deliberate finding, got: ' + run.results.collect(describe)
def result = run.results.find { it.ruleId == 'permissive-cors' }
assert result.level == 'error'
assert result.properties.severity == 'CRITICAL'
def location = result.locations[0].physicalLocation
assert location.artifactLocation.uri == 'src/main/java/com/example/api/AccountController.java'
assert location.artifactLocation.uriBaseId == '%SRCROOT%'
assert location.region.startLine == 10
assert run.tool.driver.rules.find { it.id == 'permissive-cors' }.properties.'security-severity' == '8.0'

// the endpoint inventory is written too, before the build fails
def inventory = new JsonSlurper().parse(new File(basedir, 'target/apisec/endpoints.json'))
assert inventory.endpoints*.path == ['/account']
assert inventory.endpoints[0].handler == 'com.example.api.AccountController#account()'
assert inventory.endpoints[0].access.level == 'AUTHENTICATED'
assert inventory.endpoints[0].access.evidence[0].description == 'anyRequest().authenticated()'
assert new File(basedir, 'target/apisec/endpoints.md').text.contains('| GET | `/account` | AUTHENTICATED |')

def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] src\/main\/java\/com\/example\/api\/AccountController\.java:\[10,\d+\] permissive-cors \S/
assert log.contains('[INFO] apisec: 1 finding: 1 critical, 0 high, 0 medium, 0 low, 0 info')
assert log.contains('[INFO] apisec: SARIF report: target/apisec.sarif')
assert log.contains('apisec: 1 critical finding (threshold CRITICAL); see target/apisec.sarif')
assert log.contains('BUILD FAILURE')
// a failing check is a build failure with a one-line reason, not a crash
assert !(log =~ /(?m)^\s+at [a-z]/)
return true
