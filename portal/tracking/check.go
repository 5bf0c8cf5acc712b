package tracking

import "strings"

// The check symbol makes the weighted sum of all 11 symbols zero in GF(32),
// the field of 32 elements (a symbol's value is its index in Alphabet). The
// random symbol at position i weighs α^(i+1) and the check symbol weighs
// α^0 = 1, where α generates the field. All 11 weights are distinct and
// non-zero, so the check catches every single wrong symbol and every swap of
// two different symbols, adjacent or not: the commonest errors when a code is
// read over the phone or copied by hand. A sum modulo 32 could not: it misses
// a swap whenever the weights differ by 16 and a wrong symbol whenever
// weight × difference is a multiple of 32.

// poly is x^5 + x^2 + 1, a primitive polynomial: α = x generates GF(32)*.
const poly = 0b100101

var gfExp, gfLog = gfTables()

func gfTables() (exp [31]byte, log [32]int) {
	x := 1
	for i := range 31 {
		exp[i] = byte(x)
		log[x] = i
		x <<= 1
		if x&32 != 0 {
			x ^= poly
		}
	}
	return exp, log
}

func gfMul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return gfExp[(gfLog[a]+gfLog[b])%31]
}

// check is the value of the check symbol for the random symbols s, which
// must all be in Alphabet.
func check(s []byte) byte {
	var sum byte // addition in GF(2^5) is XOR; minus is plus
	for i, ch := range s {
		v := byte(strings.IndexByte(Alphabet, ch))
		sum ^= gfMul(gfExp[(i+1)%31], v)
	}
	return sum
}
