// Package lunar converts between Gregorian dates and the Vietnamese lunar
// calendar (âm lịch).
//
// The Vietnamese calendar is the Chinese lunisolar calendar computed for the
// meridian of UTC+7 instead of UTC+8. A new moon that falls between 23:00 and
// midnight Vietnam time starts the month a day earlier in Vietnam than in
// China, and a solar term moving across midnight can move the leap month: Tết
// 2007 was 17 February in Vietnam and 18 February in China, and Tết 1985 fell
// a month apart. So a Chinese-calendar library will not do.
//
// The method is Hồ Ngọc Đức's ("Âm lịch Việt Nam"), the one Vietnamese
// calendars use: new moons from Jean Meeus's series (Astronomical Algorithms,
// ch. 49, shortened) and the sun's apparent longitude from his low-precision
// formula (ch. 25). The rules:
//
//   - a month starts on the day (UTC+7) of a new moon;
//   - the month that contains the winter solstice is month 11;
//   - a year from one month 11 to the next with 13 months has a leap month: the
//     first month after month 11 that contains no principal solar term (the sun
//     does not enter a new 30° sign of longitude during it) repeats the number
//     of the month before it.
//
// Meant for 1800–2199 (Meeus's truncated series; the tests walk every day of
// 1900–2100); the portal needs a few decades around today.
package lunar

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Vietnam's time zone in hours. The calendar uses it rather than the
// historical zone of a given year (North Vietnam kept UTC+8 before 1968), as
// published Vietnamese calendars do for the years the portal handles.
const timeZone = 7.0

// Date is a Vietnamese lunar date. Leap marks the leap (nhuận) month that
// repeats Month's number.
type Date struct {
	Year, Month, Day int
	Leap             bool
}

func (d Date) String() string {
	s := fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
	if d.Leap {
		s += " (nhuận)"
	}
	return s
}

// synodicMonth is the mean length of a lunation in days.
const synodicMonth = 29.530588853

// newMoon1900 is the Julian date of the mean new moon of 1 January 1900
// (k = 0 in the series below).
const newMoon1900 = 2415021.076998695

// unixJDN is the Julian day number of 1970-01-01.
const unixJDN = 2440588

// jdn is the Julian day number of a civil date (its year, month and day are
// used as they are, whatever t's location).
func jdn(t time.Time) int {
	y, m, d := t.Date()
	days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
	return int(days) + unixJDN
}

// civil turns a Julian day number into a civil date at UTC midnight.
func civil(j int) time.Time {
	return time.Unix(int64(j-unixJDN)*86400, 0).UTC()
}

// newMoon is the Julian date (TT corrected to UT) of the k-th new moon after
// 1 January 1900, from Meeus's series.
func newMoon(k float64) float64 {
	const dr = math.Pi / 180
	T := k / 1236.85 // Julian centuries from 1900
	T2, T3 := T*T, T*T*T
	jd := 2415020.75933 + 29.53058868*k + 0.0001178*T2 - 0.000000155*T3
	jd += 0.00033 * math.Sin((166.56+132.87*T-0.009173*T2)*dr)
	M := 359.2242 + 29.10535608*k - 0.0000333*T2 - 0.00000347*T3   // sun's mean anomaly
	Mp := 306.0253 + 385.81691806*k + 0.0107306*T2 + 0.00001236*T3 // moon's mean anomaly
	F := 21.2964 + 390.67050646*k - 0.0016528*T2 - 0.00000239*T3   // moon's argument of latitude
	c := (0.1734-0.000393*T)*math.Sin(M*dr) + 0.0021*math.Sin(2*dr*M)
	c += -0.4068*math.Sin(Mp*dr) + 0.0161*math.Sin(dr*2*Mp)
	c += -0.0004 * math.Sin(dr*3*Mp)
	c += 0.0104*math.Sin(dr*2*F) - 0.0051*math.Sin(dr*(M+Mp))
	c += -0.0074*math.Sin(dr*(M-Mp)) + 0.0004*math.Sin(dr*(2*F+M))
	c += -0.0004*math.Sin(dr*(2*F-M)) - 0.0006*math.Sin(dr*(2*F+Mp))
	c += 0.0010*math.Sin(dr*(2*F-Mp)) + 0.0005*math.Sin(dr*(2*Mp+M))
	// ΔT, the difference between dynamical and universal time, in days.
	var deltaT float64
	if T < -11 {
		deltaT = 0.001 + 0.000839*T + 0.0002261*T2 - 0.00000845*T3 - 0.000000081*T*T3
	} else {
		deltaT = -0.000278 + 0.000265*T + 0.000262*T2
	}
	return jd + c - deltaT
}

// sunLongitude is the sun's apparent longitude in radians, in [0, 2π), at
// Julian date jd.
func sunLongitude(jd float64) float64 {
	const dr = math.Pi / 180
	T := (jd - 2451545.0) / 36525 // Julian centuries from J2000
	T2 := T * T
	M := 357.52910 + 35999.05030*T - 0.0001559*T2 - 0.00000048*T*T2 // mean anomaly
	L0 := 280.46645 + 36000.76983*T + 0.0003032*T2                  // mean longitude
	C := (1.914600-0.004817*T-0.000014*T2)*math.Sin(dr*M) +
		(0.019993-0.000101*T)*math.Sin(dr*2*M) + 0.000290*math.Sin(dr*3*M)
	L := (L0 + C) * dr
	return L - 2*math.Pi*math.Floor(L/(2*math.Pi))
}

// newMoonDay is the day (Julian day number, local time) of the k-th new moon.
func newMoonDay(k int) int {
	return int(math.Floor(newMoon(float64(k)) + 0.5 + timeZone/24))
}

// sunSign is the 30° sign (0–11) the sun is in at the start of local day d;
// sign 9 begins at the winter solstice (270°).
func sunSign(d int) int {
	return int(math.Floor(sunLongitude(float64(d)-0.5-timeZone/24) / math.Pi * 6))
}

// month11 is the first day of lunar month 11 of the year that ends in
// Gregorian year y: the month holding the winter solstice of y.
func month11(y int) int {
	end := jdn(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
	k := int(math.Floor(float64(end-2415021) / synodicMonth))
	nm := newMoonDay(k)
	// A month starting after the solstice (sun already in sign 9 or
	// beyond) is month 12; month 11 is the one before.
	if sunSign(nm) >= 9 {
		nm = newMoonDay(k - 1)
	}
	return nm
}

// leapOffset is, for a 13-month year starting at month 11 a11, how many months
// after a11 the leap month comes: the first month in which the sun enters no
// new sign, so its sign at the start equals the next month's.
func leapOffset(a11 int) int {
	k := int(math.Floor((float64(a11)-newMoon1900)/synodicMonth + 0.5))
	i := 1
	arc := sunSign(newMoonDay(k + i))
	for {
		last := arc
		i++
		arc = sunSign(newMoonDay(k + i))
		if arc == last || i >= 14 {
			break
		}
	}
	return i - 1
}

// FromSolar returns the lunar date of civil date t (its year, month and day,
// whatever its location).
func FromSolar(t time.Time) Date {
	day := jdn(t)
	// The mean lunation gives the month within one; the true new moon can
	// be half a day or more from the mean, so step to the last new moon on
	// or before day.
	k := int(math.Floor((float64(day)-newMoon1900)/synodicMonth)) + 1
	start := newMoonDay(k)
	for start > day {
		k--
		start = newMoonDay(k)
	}
	for next := newMoonDay(k + 1); next <= day; next = newMoonDay(k + 1) {
		k++
		start = next
	}
	y := t.Year()
	a11 := month11(y)
	b11 := a11
	lunarYear := y
	if a11 >= start {
		a11 = month11(y - 1)
	} else {
		lunarYear = y + 1
		b11 = month11(y + 1)
	}
	d := Date{Day: day - start + 1}
	diff := (start - a11) / 29 // whole months since month 11
	d.Month = diff + 11
	if b11-a11 > 365 { // 13 lunations between the two months 11
		if off := leapOffset(a11); diff >= off {
			d.Month = diff + 10
			d.Leap = diff == off
		}
	}
	if d.Month > 12 {
		d.Month -= 12
	}
	// Months 11 and 12 before the new year belong to the previous year.
	if d.Month >= 11 && diff < 4 {
		lunarYear--
	}
	d.Year = lunarYear
	return d
}

// ErrNoSuchDate reports a lunar date that does not exist: a month number out
// of range, a day beyond the month's length, or a leap month the year lacks.
var ErrNoSuchDate = errors.New("lunar: no such date")

// monthStart is the local Julian day number that month (month, leap) of lunar
// year y starts on.
func monthStart(y, month int, leap bool) (int, error) {
	if month < 1 || month > 12 {
		return 0, ErrNoSuchDate
	}
	var a11, b11 int
	if month < 11 {
		a11, b11 = month11(y-1), month11(y)
	} else {
		a11, b11 = month11(y), month11(y+1)
	}
	off := month - 11
	if off < 0 {
		off += 12
	}
	if b11-a11 > 365 {
		lo := leapOffset(a11)
		leapMonth := lo - 2
		if leapMonth <= 0 {
			leapMonth += 12
		}
		if leap && month != leapMonth {
			return 0, ErrNoSuchDate
		}
		if leap || off >= lo {
			off++
		}
	} else if leap {
		return 0, ErrNoSuchDate
	}
	k := int(math.Floor(0.5 + (float64(a11)-newMoon1900)/synodicMonth))
	return newMoonDay(k + off), nil
}

// MonthLength is the number of days (29 or 30) of a lunar month.
func MonthLength(year, month int, leap bool) (int, error) {
	start, err := monthStart(year, month, leap)
	if err != nil {
		return 0, err
	}
	k := int(math.Floor((float64(start)-newMoon1900)/synodicMonth + 0.5))
	return newMoonDay(k+1) - start, nil
}

// LeapMonth is the number of the month that lunar year y repeats, or 0 if the
// year has no leap month.
func LeapMonth(y int) int {
	for m := 1; m <= 12; m++ {
		if _, err := monthStart(y, m, true); err == nil {
			return m
		}
	}
	return 0
}

// ToSolar returns the civil date, at UTC midnight, of a lunar date.
func ToSolar(year, month, day int, leap bool) (time.Time, error) {
	n, err := MonthLength(year, month, leap)
	if err != nil {
		return time.Time{}, err
	}
	if day < 1 || day > n {
		return time.Time{}, ErrNoSuchDate
	}
	start, _ := monthStart(year, month, leap)
	return civil(start + day - 1), nil
}

// NewYear returns Tết Nguyên đán, the first day of lunar year y.
func NewYear(y int) time.Time {
	t, _ := ToSolar(y, 1, 1, false)
	return t
}
