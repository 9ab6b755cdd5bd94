// Package faultserver holds the misbehaviours of a hostile or broken HTTP
// server, for fault-injection tests of every client brief has: URL and
// feed fetching, and the model backend.
package faultserver

import (
	"net"
	"net/http"
)

// Reset drops the connection with a TCP reset rather than a close, as a
// crashing server or a middlebox does.
func Reset(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

// Stream writes n bytes of filler (n < 0: forever) from one small buffer,
// so that a gigabyte costs the server nothing, and stops when the client
// goes away.
func Stream(w http.ResponseWriter, n int64, filler []byte) {
	for n != 0 {
		chunk := filler
		if n > 0 && int64(len(chunk)) > n {
			chunk = chunk[:n]
		}
		if _, err := w.Write(chunk); err != nil {
			return
		}
		if n > 0 {
			n -= int64(len(chunk))
		}
	}
}
