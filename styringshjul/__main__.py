from styringshjul.cli import main

main()
