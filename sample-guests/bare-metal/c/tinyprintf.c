/*
 * tinyprintf.c: printf_ for the sample programs.
 *
 *   %[-][0][width][ll](d|i|u|x|X|c|s|%)
 *
 * '-' pads on the right, '0' pads numbers with zeros (after the sign), "ll" takes a long long.
 * An unknown conversion is printed as it stands. No precision, no floating point.
 */
#include "platform.h"

struct spec {
    int left;       /* '-' flag */
    int zero;       /* '0' flag */
    int width;
    int longlong;   /* "ll" */
};

/* Writes c n times; returns n (or 0 when n < 0). */
static int pad(char c, int n)
{
    int written = 0;
    for (; written < n; written++) {
        putchar_(c);
    }
    return written;
}

/* Writes sign (0 = none) and the digits body padded to the width of sp; returns bytes written. */
static int emit(const struct spec *sp, char sign, const char *body)
{
    int len = (int)strlen(body) + (sign != 0);
    int fill = sp->width - len;
    int n = 0;
    if (!sp->left && !sp->zero) {
        n += pad(' ', fill);
    }
    if (sign != 0) {
        putchar_(sign);
        n++;
    }
    if (!sp->left && sp->zero) {
        n += pad('0', fill);
    }
    puts_(body);
    n += (int)strlen(body);
    if (sp->left) {
        n += pad(' ', fill);
    }
    return n;
}

/* Formats v in base 10 or 16 into the end of buf (at least 21 bytes); returns the first digit. */
static char *digits(uint64_t v, unsigned base, int upper, char *buf, size_t size)
{
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char *p = buf + size - 1;
    *p = '\0';
    do {
        *--p = set[v % base];
        v /= base;
    } while (v != 0);
    return p;
}

/* Reads the flags, width and length of one conversion; returns the conversion character's position. */
static const char *parse(const char *f, struct spec *sp)
{
    sp->left = sp->zero = sp->width = sp->longlong = 0;
    for (;; f++) {
        if (*f == '-') {
            sp->left = 1;
        } else if (*f == '0') {
            sp->zero = 1;
        } else {
            break;
        }
    }
    while (*f >= '0' && *f <= '9') {
        sp->width = sp->width * 10 + (*f++ - '0');
    }
    if (f[0] == 'l' && f[1] == 'l') {
        sp->longlong = 1;
        f += 2;
    }
    return f;
}

/* Formats one integer conversion c ('d', 'i', 'u', 'x' or 'X'). */
static int integer(const struct spec *sp, char c, va_list *ap)
{
    char buf[24];
    char sign = 0;
    uint64_t v;
    if (c == 'd' || c == 'i') {
        int64_t s = sp->longlong ? va_arg(*ap, long long) : va_arg(*ap, int);
        if (s < 0) {
            sign = '-';
            v = -(uint64_t)s;       /* also right for the most negative value */
        } else {
            v = (uint64_t)s;
        }
    } else {
        v = sp->longlong ? va_arg(*ap, unsigned long long) : va_arg(*ap, unsigned int);
    }
    unsigned base = (c == 'x' || c == 'X') ? 16 : 10;
    return emit(sp, sign, digits(v, base, c == 'X', buf, sizeof buf));
}

int vprintf_(const char *fmt, va_list ap)
{
    int n = 0;
    va_list args;
    va_copy(args, ap);
    for (const char *f = fmt; *f != '\0'; f++) {
        if (*f != '%') {
            putchar_(*f);
            n++;
            continue;
        }
        struct spec sp;
        const char *conv = parse(f + 1, &sp);
        char c = *conv;
        if (c == 'd' || c == 'i' || c == 'u' || c == 'x' || c == 'X') {
            n += integer(&sp, c, &args);
        } else if (c == 'c') {
            char one[2] = {(char)va_arg(args, int), '\0'};
            sp.zero = 0;
            n += emit(&sp, 0, one);
        } else if (c == 's') {
            sp.zero = 0;
            n += emit(&sp, 0, va_arg(args, const char *));
        } else if (c == '%') {
            putchar_('%');
            n++;
        } else {
            putchar_('%');      /* unknown: print "%" and go on from the next character */
            n++;
            continue;
        }
        f = conv;
    }
    va_end(args);
    return n;
}

int printf_(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf_(fmt, ap);
    va_end(ap);
    return n;
}
