package dev.stonegarden.render.yaml;

/**
 * go-yaml v2's {@code parseTimestamp}: a string is a timestamp when it starts with four digits and
 * a dash and Go's {@code time.Parse} accepts it with one of the layouts {@code
 * 2006-1-2T15:4:5.999999999Z07:00}, the same with a lower-case {@code t}, {@code 2006-1-2
 * 15:4:5.999999999} or {@code 2006-1-2}. Such strings are quoted on output
 * (docs/kustomize.md#strings).
 */
final class GoTime {
  private GoTime() {}

  static boolean isV2Timestamp(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i != 4 || i == s.length() || s.charAt(i) != '-') {
      return false;
    }
    return parse(s, 'T') || parse(s, 't') || parse(s, ' ') || parse(s, '\0');
  }

  /**
   * One layout: {@code sep} is {@code T}/{@code t} (date, time, zone), a space (date, time, no
   * zone), or NUL (date only).
   */
  private static boolean parse(String s, char sep) {
    Cursor c = new Cursor(s);
    int year = c.fixed(4);
    if (year < 0 || !c.literal('-')) {
      return false;
    }
    int month = c.num();
    if (month < 0 || !c.literal('-')) {
      return false;
    }
    int day = c.num();
    if (day < 0) {
      return false;
    }
    boolean rangeError = month < 1 || month > 12;
    if (sep != '\0') {
      if (sep == ' ') {
        // a space in a Go layout matches one or more spaces
        if (!c.literal(' ')) {
          return false;
        }
        while (c.peek() == ' ') {
          c.pos++;
        }
      } else if (!c.literal(sep)) {
        return false;
      }
      int hour = c.num();
      if (hour < 0 || !c.literal(':')) {
        return false;
      }
      int min = c.num();
      if (min < 0 || !c.literal(':')) {
        return false;
      }
      int sec = c.num();
      if (sec < 0) {
        return false;
      }
      rangeError |= hour >= 24 || min >= 60 || sec >= 60;
      // fractional seconds: '.' or ',' and at least one digit, any number of digits
      if (c.remaining() >= 2 && (c.peek() == '.' || c.peek() == ',') && isDigit(c.peekAt(1))) {
        c.pos += 2;
        while (isDigit(c.peek())) {
          c.pos++;
        }
      }
      if (sep != ' ') {
        // Z07:00
        if (c.peek() == 'Z') {
          c.pos++;
        } else {
          if (c.remaining() < 6 || c.peekAt(3) != ':') {
            return false;
          }
          int sign = c.peek();
          int hh = twoDigits(s, c.pos + 1);
          int mm = twoDigits(s, c.pos + 4);
          if (hh < 0 || mm < 0) {
            return false;
          }
          if (sign != '+' && sign != '-') {
            return false;
          }
          rangeError |= hh > 24 || mm > 60;
          c.pos += 6;
        }
      }
    }
    if (c.remaining() > 0 || rangeError) {
      return false;
    }
    return day >= 1 && day <= daysIn(month, year);
  }

  private static int daysIn(int month, int year) {
    switch (month) {
      case 2:
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private static int twoDigits(String s, int at) {
    if (at + 1 >= s.length()) {
      return -1;
    }
    char a = s.charAt(at);
    char b = s.charAt(at + 1);
    return isDigit(a) && isDigit(b) ? (a - '0') * 10 + (b - '0') : -1;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
      this.s = s;
    }

    int remaining() {
      return s.length() - pos;
    }

    int peek() {
      return pos < s.length() ? s.charAt(pos) : -1;
    }

    int peekAt(int k) {
      return pos + k < s.length() ? s.charAt(pos + k) : -1;
    }

    boolean literal(char ch) {
      if (pos < s.length() && s.charAt(pos) == ch) {
        pos++;
        return true;
      }
      return false;
    }

    /** Exactly {@code n} digits, or -1. */
    int fixed(int n) {
      if (remaining() < n) {
        return -1;
      }
      int v = 0;
      for (int k = 0; k < n; k++) {
        char ch = s.charAt(pos + k);
        if (!isDigit(ch)) {
          return -1;
        }
        v = v * 10 + (ch - '0');
      }
      pos += n;
      return v;
    }

    /** Go's {@code getnum(s, false)}: one digit, or two when the second is a digit too. */
    int num() {
      if (!isDigit(peek())) {
        return -1;
      }
      int v = s.charAt(pos) - '0';
      pos++;
      if (isDigit(peek())) {
        v = v * 10 + (s.charAt(pos) - '0');
        pos++;
      }
      return v;
    }
  }
}
