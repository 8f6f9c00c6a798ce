from izumi_ledger.cli.app import main

main()
