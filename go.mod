module shuho

go 1.26
