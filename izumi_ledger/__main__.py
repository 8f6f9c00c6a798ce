from izumi_ledger.cli.main import main

main()
