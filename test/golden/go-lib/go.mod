module example.com/golden-demo

go 1.26.0
