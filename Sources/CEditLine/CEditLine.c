#include "CEditLine.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

static volatile sig_atomic_t qe_resized = 0;

static void qe_on_resize(int signal_number) {
    (void)signal_number;
    qe_resized = 1;
}

void qe_install_resize_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = qe_on_resize;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: read() must return so the editor can redraw
    sigaction(SIGWINCH, &action, NULL);
}

// Reads one character as a wide character. Returns 1 on success and 0 at end of
// input or when a read is interrupted by any signal other than a resize, so that
// Ctrl-C ends el_gets() at once; the caller tells the two apart by its SIGINT flag.
// (-1 would not do: libedit's read loop takes -1 to mean "keep editing".)
static int qe_read_character(EditLine *editor, wchar_t *character) {
    int descriptor = fileno(stdin);
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        char byte;
        ssize_t count = read(descriptor, &byte, 1);
        if (count == 1) {
            size_t result = mbrtowc(character, &byte, 1, &state);
            if (result == (size_t)-2) {
                continue; // an incomplete multibyte sequence: read its next byte
            }
            if (result == (size_t)-1) {
                memset(&state, 0, sizeof state);
                *character = 0xFFFD;
            }
            return 1;
        }
        if (count == 0) {
            return 0;
        }
        if (errno == EINTR) {
            if (qe_resized) {
                qe_resized = 0;
                el_resize(editor);
                el_set(editor, EL_REFRESH);
                continue;
            }
            return 0;
        }
        if (errno == EAGAIN) {
            continue;
        }
        return 0;
    }
}

EditLine *qe_open(const char *program, History *list) {
    EditLine *editor = el_init(program, stdin, stdout, stderr);
    if (editor == NULL) {
        return NULL;
    }
    el_set(editor, EL_EDITOR, "emacs");
    el_set(editor, EL_SIGNAL, 0);
    el_set(editor, EL_GETCFN, qe_read_character);
    if (list != NULL) {
        el_set(editor, EL_HIST, history, list);
    }
    el_set(editor, EL_BIND, "^R", "em-inc-search-prev", NULL);
    el_set(editor, EL_BIND, "^W", "ed-delete-prev-word", NULL);
    el_set(editor, EL_BIND, "\033[1;5C", "em-next-word", NULL);
    el_set(editor, EL_BIND, "\033[1;5D", "ed-prev-word", NULL);
    el_set(editor, EL_BIND, "\033[3~", "ed-delete-next-char", NULL);
    el_set(editor, EL_BIND, "\033[H", "ed-move-to-beg", NULL);
    el_set(editor, EL_BIND, "\033[F", "ed-move-to-end", NULL);
    return editor;
}

void qe_set_prompt(EditLine *editor, qe_prompt_function prompt) {
    el_set(editor, EL_PROMPT, prompt);
}

void qe_set_client_data(EditLine *editor, void *data) {
    el_set(editor, EL_CLIENTDATA, data);
}

void *qe_client_data(EditLine *editor) {
    void *data = NULL;
    el_get(editor, EL_CLIENTDATA, &data);
    return data;
}

void qe_add_command(EditLine *editor, const char *name, const char *help,
                    qe_command_function function, const char *key) {
    el_set(editor, EL_ADDFN, name, help, function);
    el_set(editor, EL_BIND, key, name, NULL);
}

void qe_bind(EditLine *editor, const char *key, const char *command) {
    el_set(editor, EL_BIND, key, command, NULL);
}

History *qe_history_open(int capacity) {
    History *list = history_init();
    if (list == NULL) {
        return NULL;
    }
    HistEvent event;
    history(list, &event, H_SETSIZE, capacity);
    history(list, &event, H_SETUNIQUE, 1);
    return list;
}

void qe_history_close(History *list) {
    history_end(list);
}

void qe_history_add(History *list, const char *line) {
    HistEvent event;
    history(list, &event, H_ENTER, line);
}

void qe_history_clear(History *list) {
    HistEvent event;
    history(list, &event, H_CLEAR);
}
