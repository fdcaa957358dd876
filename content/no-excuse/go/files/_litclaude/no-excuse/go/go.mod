module litclaude.invalid/no-excuse

go 1.26.0
