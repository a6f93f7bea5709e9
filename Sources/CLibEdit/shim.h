#ifndef QUARRY_CLIBEDIT_SHIM_H
#define QUARRY_CLIBEDIT_SHIM_H
#include <histedit.h>
#endif
