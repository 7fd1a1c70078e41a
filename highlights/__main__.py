from highlights.cli import main

main()
