// the project is its own repository: SARIF paths become relative to this directory
new File(basedir, '.git').mkdirs()
return true
