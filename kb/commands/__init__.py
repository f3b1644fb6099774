"""One module per ``kb`` subcommand (see ``kb.cli.COMMANDS``)."""
