import groovy.json.JsonSlurper

// the build failed, and the SARIF report was written before it did
def sarifFile = new File(basedir, 'target/apisec.sarif')
assert sarifFile.isFile()
def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == '2.1.0'
assert sarif.'$schema'
def run = sarif.runs[0]
assert run.automationDetails.id == 'apisec/critical-finding/'
assert run.results.size() == 1
def result = run.results[0]
assert result.ruleId == 'permissive-cors'
assert result.level == 'error'
def location = result.locations[0].physicalLocation
assert location.artifactLocation.uri == 'src/main/java/com/example/api/AccountController.java'
assert location.artifactLocation.uriBaseId == '%SRCROOT%'
assert location.region.startLine == 10
assert run.tool.driver.rules.find { it.id == 'permissive-cors' }.properties.'security-severity' == '8.0'

def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] src\/main\/java\/com\/example\/api\/AccountController\.java:\[10,\d+\] permissive-cors \S/
assert log.contains('[INFO] apisec: 1 finding: 1 critical, 0 high, 0 medium, 0 low, 0 info')
assert log.contains('[INFO] apisec: SARIF report: target/apisec.sarif')
assert log.contains('apisec: 1 critical finding (threshold CRITICAL); see target/apisec.sarif')
assert log.contains('BUILD FAILURE')
// a failing check is a build failure with a one-line reason, not a crash
assert !(log =~ /(?m)^\s+at [a-z]/)
return true
