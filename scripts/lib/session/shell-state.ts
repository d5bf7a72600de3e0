/**
 * Each command runs in a fresh bash that first restores the state the previous command left
 * (variables, functions, aliases, working directory) and saves its own at the end, so a
 * page behaves like one terminal session while every command stays a separate process with
 * its own exit code, timeout and terminal. Only shell builtins run in the save, no forks but
 * one `compgen`.
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

/**
 * The bash program run for each command: `bash -c <program> bash <state file> <command
 * file>`. Output and errors go to one stream, in the order a terminal would show them.
 */
export const commandProgram = `exec 2>&1
__dfv_state=$1
if [ -f "$__dfv_state" ]; then source "$__dfv_state"; fi
source "$2"
__dfv_status=$?
__dfv_save() {
  local __dfv_name
  for __dfv_name in $(compgen -v); do
    case $__dfv_name in ${bashOwned}) continue ;; esac
    declare -p "$__dfv_name" 2>/dev/null
  done
  declare -f
  alias -p
  printf 'cd -- %q\\n' "$PWD"
}
__dfv_save > "$__dfv_state.next" 2>/dev/null && mv -f "$__dfv_state.next" "$__dfv_state"
exit $__dfv_status
`;
