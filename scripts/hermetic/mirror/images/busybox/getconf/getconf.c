/*
 * getconf for busybox:musl, whose image carries one beside busybox (glibc's comes from
 * Debian). Prints a configuration value: `getconf NAME` (sysconf or confstr),
 * `getconf NAME PATH` (pathconf), `getconf -a` (every sysconf and confstr value).
 * Written for docker-fundamentals' hermetic images; compiled static-pie with musl.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct variable { const char *name; int key; };

#define V(name) { #name, _SC_##name }
static const struct variable sysconf_names[] = {
	V(ARG_MAX), V(CHILD_MAX), V(CLK_TCK), V(NGROUPS_MAX), V(OPEN_MAX), V(STREAM_MAX),
	V(TZNAME_MAX), V(JOB_CONTROL), V(SAVED_IDS), V(VERSION), V(PAGESIZE), V(PAGE_SIZE),
	V(NPROCESSORS_CONF), V(NPROCESSORS_ONLN), V(PHYS_PAGES), V(AVPHYS_PAGES),
	V(LINE_MAX), V(RE_DUP_MAX), V(HOST_NAME_MAX), V(LOGIN_NAME_MAX), V(TTY_NAME_MAX),
	V(SYMLOOP_MAX), V(IOV_MAX), V(THREAD_STACK_MIN), V(GETPW_R_SIZE_MAX), V(GETGR_R_SIZE_MAX),
	V(SEM_NSEMS_MAX), V(SIGQUEUE_MAX), V(TIMER_MAX), V(DELAYTIMER_MAX), V(MQ_OPEN_MAX),
	V(RTSIG_MAX), V(BC_BASE_MAX), V(BC_DIM_MAX), V(BC_SCALE_MAX), V(BC_STRING_MAX),
	V(EXPR_NEST_MAX), V(COLL_WEIGHTS_MAX),
};
#undef V

static const struct variable pathconf_names[] = {
	{ "LINK_MAX", _PC_LINK_MAX }, { "MAX_CANON", _PC_MAX_CANON }, { "MAX_INPUT", _PC_MAX_INPUT },
	{ "NAME_MAX", _PC_NAME_MAX }, { "PATH_MAX", _PC_PATH_MAX }, { "PIPE_BUF", _PC_PIPE_BUF },
	{ "FILESIZEBITS", _PC_FILESIZEBITS }, { "SYMLINK_MAX", _PC_SYMLINK_MAX },
};

static const struct variable confstr_names[] = {
	{ "PATH", _CS_PATH }, { "CS_PATH", _CS_PATH },
};

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* Accepts NAME, _NAME and _SC_NAME spellings, as other getconf implementations do. */
static const char *strip(const char *name) {
	if (strncmp(name, "_SC_", 4) == 0 || strncmp(name, "_PC_", 4) == 0 || strncmp(name, "_CS_", 4) == 0)
		return name + 4;
	return name[0] == '_' ? name + 1 : name;
}

static int print_confstr(int key) {
	char buffer[PATH_MAX];
	if (confstr(key, buffer, sizeof buffer) == 0) return 1;
	puts(buffer);
	return 0;
}

static void print_long(long value) {
	if (value == -1) puts("undefined");
	else printf("%ld\n", value);
}

int main(int argc, char **argv) {
	if (argc == 2 && strcmp(argv[1], "-a") == 0) {
		for (size_t i = 0; i < COUNT(sysconf_names); i++) {
			printf("%-31s ", sysconf_names[i].name);
			print_long(sysconf(sysconf_names[i].key));
		}
		return 0;
	}
	if (argc != 2 && argc != 3) {
		fputs("usage: getconf NAME [PATH] | getconf -a\n", stderr);
		return 1;
	}
	const char *name = strip(argv[1]);
	if (argc == 3) {
		for (size_t i = 0; i < COUNT(pathconf_names); i++) {
			if (strcmp(name, pathconf_names[i].name) != 0) continue;
			print_long(pathconf(argv[2], pathconf_names[i].key));
			return 0;
		}
	} else {
		for (size_t i = 0; i < COUNT(sysconf_names); i++) {
			if (strcmp(name, sysconf_names[i].name) != 0) continue;
			print_long(sysconf(sysconf_names[i].key));
			return 0;
		}
		for (size_t i = 0; i < COUNT(confstr_names); i++)
			if (strcmp(name, confstr_names[i].name) == 0) return print_confstr(confstr_names[i].key);
	}
	fprintf(stderr, "getconf: %s: unknown variable\n", argv[1]);
	return 1;
}
