package dev.stonegarden.render.yaml;

/**
 * A timestamp as go-yaml's {@code parseTimestamp} accepts it (both v2 and v3), and its Go {@code
 * time.Time} JSON form.
 *
 * <p>go-yaml tries four Go layouts with {@code time.Parse}: {@code
 * 2006-1-2T15:4:5.999999999Z07:00}, the same with a lower-case {@code t}, {@code 2006-1-2
 * 15:4:5.999999999} (no zone, UTC) and {@code 2006-1-2}. This class re-implements exactly what Go's
 * parser does with those layouts: a 4-digit year, 1- or 2-digit month, day, hour, minute and second
 * (range-checked, the day against the month), an optional fraction after {@code .} or {@code ,}
 * (more than 9 digits are truncated), a {@code Z} or {@code ±hh:mm} zone (hour up to 24, minute up
 * to 60, as Go allows) and one or more spaces where the layout has one. The YAML timestamp form
 * {@code 2001-12-14 21:59:43.10 -5} is not accepted by any of the layouts, so go-yaml (and we) keep
 * it as a string.
 */
record GoTimestamp(
    int year, int month, int day, int hour, int minute, int second, int nanos, int offsetSeconds) {

  private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  /** Parses {@code s} with go-yaml's layouts, or returns null when none matches. */
  static GoTimestamp parse(String s) {
    // go-yaml's quick check: exactly four digits, then '-'.
    if (s.length() < 5) {
      return null;
    }
    for (int i = 0; i < 4; i++) {
      if (!digit(s, i)) {
        return null;
      }
    }
    if (s.charAt(4) != '-') {
      return null;
    }
    Cursor c = new Cursor(s, 5);
    int year = Integer.parseInt(s.substring(0, 4));
    int month = c.num();
    if (month < 1 || month > 12 || !c.skip('-')) {
      return null;
    }
    int day = c.num();
    if (day < 1 || day > daysIn(month, year)) {
      return null;
    }
    if (c.atEnd()) {
      return new GoTimestamp(year, month, day, 0, 0, 0, 0, 0); // layout 2006-1-2
    }
    boolean zoned;
    char sep = s.charAt(c.pos);
    if (sep == 'T' || sep == 't') {
      zoned = true;
      c.pos++;
    } else if (sep == ' ') {
      zoned = false;
      while (!c.atEnd() && s.charAt(c.pos) == ' ') {
        c.pos++; // a space in a Go layout matches any run of spaces
      }
    } else {
      return null;
    }
    int hour = c.num();
    if (hour < 0 || hour > 23 || !c.skip(':')) {
      return null;
    }
    int minute = c.num();
    if (minute < 0 || minute > 59 || !c.skip(':')) {
      return null;
    }
    int second = c.num();
    if (second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (c.pos + 1 < s.length()
        && (s.charAt(c.pos) == '.' || s.charAt(c.pos) == ',')
        && digit(s, c.pos + 1)) {
      int start = ++c.pos;
      while (!c.atEnd() && digit(s, c.pos)) {
        c.pos++;
      }
      String frac = s.substring(start, Math.min(c.pos, start + 9));
      nanos = Integer.parseInt(frac);
      for (int i = frac.length(); i < 9; i++) {
        nanos *= 10;
      }
    }
    int offset = 0;
    if (zoned) {
      if (c.atEnd()) {
        return null;
      }
      if (s.charAt(c.pos) == 'Z') {
        c.pos++;
      } else {
        int p = c.pos;
        if (s.length() - p < 6 || s.charAt(p + 3) != ':') {
          return null;
        }
        char sign = s.charAt(p);
        if ((sign != '+' && sign != '-')
            || !digit(s, p + 1)
            || !digit(s, p + 2)
            || !digit(s, p + 4)
            || !digit(s, p + 5)) {
          return null;
        }
        int hh = (s.charAt(p + 1) - '0') * 10 + (s.charAt(p + 2) - '0');
        int mm = (s.charAt(p + 4) - '0') * 10 + (s.charAt(p + 5) - '0');
        if (hh > 24 || mm > 60) {
          return null;
        }
        offset = (hh * 60 + mm) * 60 * (sign == '-' ? -1 : 1);
        c.pos = p + 6;
      }
    }
    if (!c.atEnd()) {
      return null; // Go: "extra text"
    }
    return new GoTimestamp(year, month, day, hour, minute, second, nanos, offset);
  }

  /**
   * Go's {@code time.Time.MarshalJSON} text (RFC 3339 with nanoseconds, trailing zeros of the
   * fraction dropped, {@code Z} for a zero offset). A zone hour of 24 would make Go's encoder fail;
   * that case is printed as is ({@code +24:00}).
   */
  String rfc3339() {
    StringBuilder sb = new StringBuilder(35);
    pad(sb, year, 4).append('-');
    pad(sb, month, 2).append('-');
    pad(sb, day, 2).append('T');
    pad(sb, hour, 2).append(':');
    pad(sb, minute, 2).append(':');
    pad(sb, second, 2);
    if (nanos != 0) {
      StringBuilder f = new StringBuilder();
      pad(f, nanos, 9);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(f, 0, end);
    }
    if (offsetSeconds == 0) {
      sb.append('Z');
    } else {
      int minutes = Math.abs(offsetSeconds) / 60;
      sb.append(offsetSeconds < 0 ? '-' : '+');
      pad(sb, minutes / 60, 2).append(':');
      pad(sb, minutes % 60, 2);
    }
    return sb.toString();
  }

  private static StringBuilder pad(StringBuilder sb, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }

  private static int daysIn(int month, int year) {
    if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
      return 29;
    }
    return DAYS[month - 1];
  }

  private static boolean digit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  /** A read position; {@link #num} reads Go's non-fixed 1- or 2-digit number ({@code getnum}). */
  private static final class Cursor {
    final String s;
    int pos;

    Cursor(String s, int pos) {
      this.s = s;
      this.pos = pos;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    /** One or two digits, or -1. */
    int num() {
      if (!digit(s, pos)) {
        return -1;
      }
      int n = s.charAt(pos++) - '0';
      if (digit(s, pos)) {
        n = n * 10 + (s.charAt(pos++) - '0');
      }
      return n;
    }

    boolean skip(char ch) {
      if (pos < s.length() && s.charAt(pos) == ch) {
        pos++;
        return true;
      }
      return false;
    }
  }
}
