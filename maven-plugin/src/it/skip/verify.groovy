def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] apisec: skipped (apisec.skip)')
assert !new File(basedir, 'target/apisec.sarif').exists()
assert log.contains('BUILD SUCCESS')
return true
