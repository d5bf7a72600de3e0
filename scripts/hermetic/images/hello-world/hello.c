/*
 * The program of the hello-world image: it prints Docker's greeting and exits.
 *
 * Built with `musl-gcc -static -Os` and stripped: about 13 kB, like the official binary.
 * The official one skips libc start-up (-nostartfiles, its own _start); Debian builds
 * musl with the stack protector, whose canary lives in thread-local storage that only
 * that start-up sets up, so here main() keeps it. The text is the official image's,
 * word for word; DOCKER_ARCH is the docker-library architecture name (amd64, arm64v8...).
 */
#include <unistd.h>

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

int main(void) {
	return write(STDOUT_FILENO, message, sizeof message - 1) == sizeof message - 1 ? 0 : 1;
}
