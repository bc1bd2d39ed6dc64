import groovy.json.JsonSlurper

def sarif = new JsonSlurper().parse(new File(basedir, 'target/apisec.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results*.ruleId == ['permissive-cors']
assert sarif.runs[0].results*.level == ['error']

def log = new File(basedir, 'build.log').text
// findings are still reported, the build passes
assert log =~ /\[ERROR\] \S*src\/main\/java\/com\/example\/api\/AccountController\.java:\[10,\d+\] permissive-cors /
assert log.contains('[INFO] apisec: 1 finding: 1 critical, 0 high, 0 medium, 0 low, 0 info')
assert log.contains('BUILD SUCCESS')
return true
