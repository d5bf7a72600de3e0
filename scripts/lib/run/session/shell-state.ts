/**
 * The shell state a page's commands share (variables, functions, aliases, working directory)
 * as bash text that recreates it. A page's shell keeps its state by itself; the state is
 * written out only to hand it to a command that must run in a bash of its own (on a
 * pseudo-terminal), and read back after it.
 */

// Variables bash sets itself (many read-only): restoring them would fail or lie.
const bashOwned = [
  'BASH*',
  'EUID',
  'PPID',
  'UID',
  'SHELLOPTS',
  'GROUPS',
  'FUNCNAME',
  'PIPESTATUS',
  'RANDOM',
  'SRANDOM',
  'SECONDS',
  'LINENO',
  'HISTCMD',
  'DIRSTACK',
  'SHLVL',
  'EPOCHREALTIME',
  'EPOCHSECONDS',
  'COMP_WORDBREAKS',
  'OPTIND',
  'OPTERR',
  'PWD',
  'OLDPWD',
  'HOSTNAME',
  'HOSTTYPE',
  'MACHTYPE',
  'OSTYPE',
  'IFS',
  'PS1',
  'PS2',
  'PS4',
  '_',
  '__dfv_*',
].join('|');

/** Defines `__dfv_save`, which prints bash that recreates the current shell state. */
export const saveStateFunction = `__dfv_save() {
  local __dfv_name
  for __dfv_name in $(compgen -v); do
    case $__dfv_name in ${bashOwned}) continue ;; esac
    declare -p "$__dfv_name" 2>/dev/null
  done
  declare -f
  alias -p
  printf 'cd -- %q\\n' "$PWD"
}`;

/**
 * The program of a command that runs in a bash of its own:
 * `bash -c <program> bash <state file> <command file>`. It restores the state, runs the
 * command, and writes the state back for the page's shell to read.
 */
export const commandProgram = `exec 2>&1
${saveStateFunction}
__dfv_state=$1
source "$__dfv_state"
source "$2"
__dfv_status=$?
__dfv_save > "$__dfv_state.next" 2>/dev/null && mv -f "$__dfv_state.next" "$__dfv_state"
exit $__dfv_status
`;
