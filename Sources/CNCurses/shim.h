#ifndef DROPVIZ_CNCURSES_SHIM_H
#define DROPVIZ_CNCURSES_SHIM_H

// Wide-character API (get_wch, setcchar, cchar_t); must come before the include.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>

// Swift imports neither function-like macros nor, under Swift 6, the mutable globals
// (stdscr, LINES, COLORS…), so everything Swift needs from them goes through these getters.

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_maxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline int cn_maxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }

// newterm on the process's own stdin/stdout; unlike initscr it returns NULL instead of
// exiting when the terminal is unusable, so the caller can report it.
static inline SCREEN *cn_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }

static inline int cn_err(void) { return ERR; }
static inline int cn_ok(void) { return OK; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_key_up(void) { return KEY_UP; }
static inline int cn_key_down(void) { return KEY_DOWN; }
static inline int cn_key_left(void) { return KEY_LEFT; }
static inline int cn_key_right(void) { return KEY_RIGHT; }
static inline int cn_key_btab(void) { return KEY_BTAB; }
static inline int cn_key_enter(void) { return KEY_ENTER; }
static inline int cn_key_backspace(void) { return KEY_BACKSPACE; }
static inline int cn_key_ppage(void) { return KEY_PPAGE; }
static inline int cn_key_npage(void) { return KEY_NPAGE; }
static inline int cn_key_home(void) { return KEY_HOME; }
static inline int cn_key_end(void) { return KEY_END; }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_key_mouse(void) { return KEY_MOUSE; }

static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }

// Fills x/y with a pending button-1 press or click; returns 0 if the event was anything else.
static inline int cn_get_click(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    if ((event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) == 0) return 0;
    *x = event.x;
    *y = event.y;
    return 1;
}

// Draws one cell: a NUL-terminated wide string (one grapheme) with attributes and a colour pair.
static inline int cn_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, (short)pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

// Whether the terminal named by TERM can be drawn on, asked of terminfo before newterm (which
// on a dumb terminal already writes to it): 1 yes, 0 no cursor addressing (TERM=dumb, a
// printing terminal), -1 TERM unknown or unset.
#include <ncursesw/term.h>
static inline int cn_term_can_address(void) {
    int err = 0;
    if (setupterm(NULL, 1, &err) != OK) return -1;
    const char *cup = tigetstr("cup");
    int ok = cup != NULL && cup != (const char *)-1;
    del_curterm(cur_term);
    return ok;
}

// Flushes the C library's stdout (where Swift's print writes) and says whether any write to
// it failed (a full disk, /dev/full, a closed pipe). Here because Swift 6 refuses to touch the
// global `stdout`.
static inline int cn_stdout_failed(void) { return fflush(stdout) != 0 || ferror(stdout) != 0; }

// Whether the locale's character set is UTF-8 (call after setlocale).
static inline int cn_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    // glibc says "UTF-8"; other libcs have said "utf8" or "UTF8".
    const char *p = codeset;
    char folded[16];
    int n = 0;
    for (; *p && n < 15; p++) {
        char c = *p;
        if (c == '-' || c == '_') continue;
        folded[n++] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    folded[n] = 0;
    return folded[0] == 'U' && folded[1] == 'T' && folded[2] == 'F' && folded[3] == '8' && folded[4] == 0;
}

#endif
