#ifndef QUARRY_CEDITLINE_H
#define QUARRY_CEDITLINE_H

// A thin, non-variadic face over libedit's native API. Swift cannot call C variadic
// functions such as el_set() and history(), so each setting Quarry uses gets a
// small wrapper here; everything else (el_gets, el_line, el_insertstr, ...) is
// called from Swift directly.

#include <histedit.h>
#include <stdio.h>

/// Returns the prompt for the line being edited.
typedef const char *(*qe_prompt_function)(EditLine *editor);
/// An editor command bound to a key; returns one of libedit's CC_* codes.
typedef unsigned char (*qe_command_function)(EditLine *editor, int key);

/// Opens an emacs-mode editor on stdin, stdout and stderr with Quarry's settings: no
/// libedit signal handling (the host owns SIGINT), a read function that returns
/// when SIGINT arrives, Ctrl-R bound to incremental history search, and the
/// given history attached.
EditLine *qe_open(const char *program, History *history);

void qe_set_prompt(EditLine *editor, qe_prompt_function prompt);
void qe_set_client_data(EditLine *editor, void *data);
void *qe_client_data(EditLine *editor);
/// Adds a named editor command and binds it to a key sequence such as "^I".
void qe_add_command(EditLine *editor, const char *name, const char *help,
                    qe_command_function function, const char *key);
/// Binds a key sequence to one of libedit's built-in editor commands.
void qe_bind(EditLine *editor, const char *key, const char *command);

History *qe_history_open(int capacity);
void qe_history_close(History *history);
void qe_history_add(History *history, const char *line);
void qe_history_clear(History *history);

/// Installs a SIGWINCH handler that lets the editor follow terminal resizes.
void qe_install_resize_handler(void);

#endif
