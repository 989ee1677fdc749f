//go:build windows

package main

import "os"

// processRunning reports whether a process with this number exists: on
// Windows, FindProcess opens the process and fails when there is none.
func processRunning(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
