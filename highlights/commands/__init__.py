"""One module per group of commands; each exposes ``COMMANDS``, the click commands it defines."""
