import groovy.json.JsonSlurper

def sarifFile = new File(basedir, 'target/apisec.sarif')
assert sarifFile.isFile() : 'the SARIF report is written'
def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
assert sarif.'$schema'
def run = sarif.runs[0]
assert run.tool.driver.name == 'apisec'
assert run.results != null && run.results.isEmpty()
assert run.automationDetails.id == 'apisec/clean-project/'
assert run.invocations[0].executionSuccessful == true

// the endpoint inventory sits next to the SARIF report
def inventory = new JsonSlurper().parse(new File(basedir, 'target/apisec/endpoints.json'))
assert inventory.schemaVersion == 1
assert inventory.endpoints.size() == 1
assert inventory.endpoints[0].method == 'GET'
assert inventory.endpoints[0].path == '/orders'
assert inventory.endpoints[0].handler == 'com.example.api.OrderController#list()'
assert inventory.endpoints[0].access.level
assert new File(basedir, 'target/apisec/endpoints.md').text.contains('| GET | `/orders` |')

def log = new File(basedir, 'build.log').text
assert log.contains('apisec-maven-plugin') && log.contains(':check (default) @ clean-project')
assert log.contains('[INFO] apisec: 0 findings: 0 critical, 0 high, 0 medium, 0 low, 0 info (1 file analysed)')
assert log.contains('[INFO] apisec: SARIF report: target/apisec.sarif')
assert log.contains('BUILD SUCCESS')
return true
