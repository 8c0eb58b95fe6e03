/*
 * The ncursesw wide-character API for Swift 6, plus inline wrappers for what Swift cannot import:
 * function-like macros (attributes, getmaxy/getmaxx), octal key constants, and C globals that strict
 * concurrency rejects (stdscr, stdin, stdout, COLORS, COLOR_PAIRS). Every call must stay on one thread.
 */
#ifndef BULKHEAD_CNCURSESW_SHIM_H
#define BULKHEAD_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1 /* must precede the include, or get_wch/add_wch/cchar_t disappear */
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <pty.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <termios.h>

static inline WINDOW *bh_stdscr(void) { return stdscr; }
static inline FILE *bh_stdin(void) { return stdin; }
static inline FILE *bh_stdout(void) { return stdout; }

static inline attr_t bh_a_bold(void) { return A_BOLD; }
static inline attr_t bh_a_dim(void) { return A_DIM; }
static inline attr_t bh_a_reverse(void) { return A_REVERSE; }
static inline attr_t bh_a_underline(void) { return A_UNDERLINE; }

static inline int bh_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t bh_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t bh_button1_released(void) { return BUTTON1_RELEASED; }
static inline int bh_screen_rows(void) { return getmaxy(stdscr); }
static inline int bh_screen_cols(void) { return getmaxx(stdscr); }
static inline int bh_colors(void) { return COLORS; }
static inline int bh_color_pairs(void) { return COLOR_PAIRS; }

/* The window size of the terminal on fd via TIOCGWINSZ: 0 on success, -1 when it cannot be read. */
static inline int bh_window_size(int fd, int *out_rows, int *out_cols) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
  *out_rows = size.ws_row;
  *out_cols = size.ws_col;
  return 0;
}

/*
 * Opens a pseudo-terminal pair whose window is rows x cols: 0 with *out_master and *out_slave set, -1 with errno set.
 * openpty is declared in <pty.h>, which Swift's Glibc module does not include.
 */
static inline int bh_open_pty(int rows, int cols, int *out_master, int *out_slave) {
  struct winsize size = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
  return openpty(out_master, out_slave, NULL, NULL, &size);
}

/* Sets the window size of the terminal on fd (TIOCSWINSZ): 0 on success, -1 with errno set. */
static inline int bh_set_window_size(int fd, int rows, int cols) {
  struct winsize size = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
  return ioctl(fd, TIOCSWINSZ, &size);
}

/*
 * Probes the terminal type in $TERM with setupterm for the terminal on fd, without starting curses:
 * 1 when it can address the cursor (has "cup"), 0 when it cannot (e.g. dumb), -1 when the type is unknown.
 * On 1, *out_colors holds the terminfo "colors" number (0 when absent).
 */
static inline int bh_probe_terminal(int fd, int *out_colors) {
  int error = 0;
  if (setupterm(NULL, fd, &error) != OK) return -1;
  char *cup = tigetstr("cup");
  int addressable = cup != NULL && cup != (char *)-1;
  int count = tigetnum("colors");
  *out_colors = count > 0 ? count : 0;
  del_curterm(cur_term);
  return addressable;
}

#endif
