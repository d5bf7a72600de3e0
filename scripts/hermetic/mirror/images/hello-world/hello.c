/*
 * The program of the hello-world image: it prints Docker's greeting and exits.
 *
 * Like the official binary it skips the C library's start-up (-nostartfiles, its own _start)
 * and makes its two system calls itself, so the static binary stays near 9 kB; x86-64 only,
 * as the hermetic images are. The text is the official image's, word for word; DOCKER_ARCH
 * is the docker-library architecture name (amd64).
 */
#ifndef DOCKER_ARCH
#error "define DOCKER_ARCH, e.g. -DDOCKER_ARCH='\"amd64\"'"
#endif

static const char message[] =
	"\n"
	"Hello from Docker!\n"
	"This message shows that your installation appears to be working correctly.\n"
	"\n"
	"To generate this message, Docker took the following steps:\n"
	" 1. The Docker client contacted the Docker daemon.\n"
	" 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.\n"
	"    (" DOCKER_ARCH ")\n"
	" 3. The Docker daemon created a new container from that image which runs the\n"
	"    executable that produces the output you are currently reading.\n"
	" 4. The Docker daemon streamed that output to the Docker client, which sent it\n"
	"    to your terminal.\n"
	"\n"
	"To try something more ambitious, you can run an Ubuntu container with:\n"
	" $ docker run -it ubuntu bash\n"
	"\n"
	"Share images, automate workflows, and more with a free Docker ID:\n"
	" https://hub.docker.com/\n"
	"\n"
	"For more examples and ideas, visit:\n"
	" https://docs.docker.com/get-started/\n"
	"\n";

/* One x86-64 system call with up to three arguments. */
static long call3(long number, long a, long b, long c) {
	long result;
	__asm__ volatile("syscall"
			 : "=a"(result)
			 : "a"(number), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return result;
}

enum { SYS_WRITE = 1, SYS_EXIT = 60, STDOUT = 1 };

void _start(void) {
	long written = call3(SYS_WRITE, STDOUT, (long)message, sizeof message - 1);
	call3(SYS_EXIT, written == (long)(sizeof message - 1) ? 0 : 1, 0, 0);
	for (;;) {
	}
}
