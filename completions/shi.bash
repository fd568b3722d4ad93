# bash completion for shi (installed as share/bash-completion/completions/shi).
#
# Commands and subcommands are listed here; the options of each come from its
# own `shi CMD --help`, so they never drift from the program; states (COW
# abbreviations) from `shi states`.

_shi_states() {
    command shi states --format tsv 2>/dev/null | cut -f2 | tail -n +2
}

_shi() {
    local cur prev words cword
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    local commands="states power dyads stateyears threat align drivers report coop data"
    local i cmd="" sub=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --data | --data-file) ((i++)) ;;
            -*) ;;
            *)
                if [[ -z $cmd ]]; then
                    cmd=${COMP_WORDS[i]}
                elif [[ -z $sub ]]; then
                    sub=${COMP_WORDS[i]}
                fi
                ;;
        esac
    done
    case $prev in
        --data) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --data-file | --alliances | --events | --model | -m | --svg | --from | -o | --output | \
            --dyadic-output | --relations-output | --econ-output | --energy-output | --geo-output | \
            --shocks | --svg-probs | --svg-stack)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --format) COMPREPLY=($(compgen -W "table csv tsv json jsonl sqlite dta bibtex" -- "$cur")); return ;;
        --outcome) COMPREPLY=($(compgen -W "ideal sim index" -- "$cur")); return ;;
        --third | --perceiver | --states) COMPREPLY=($(compgen -W "$(_shi_states)" -- "$cur")); return ;;
    esac
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands --data --data-file --help --version" -- "$cur"))
        return
    fi
    local help_cmd=$cmd
    case $cmd in
        power) [[ $sub == transition ]] && help_cmd="power transition" ;;
        coop)
            if [[ -z $sub ]]; then
                COMPREPLY=($(compgen -W "strategies match tournament moran replicator sweep threshold validate $(_shi_states)" -- "$cur"))
                return
            fi
            case $sub in
                strategies | match | tournament | moran | replicator | sweep | threshold | validate)
                    help_cmd="coop $sub" ;;
            esac
            ;;
        data)
            if [[ -z $sub ]]; then
                COMPREPLY=($(compgen -W "info build" -- "$cur"))
                return
            fi
            help_cmd="data $sub"
            ;;
    esac
    if [[ $cur == -* ]]; then
        # shellcheck disable=SC2086
        COMPREPLY=($(compgen -W "$(command shi $help_cmd --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
    elif [[ $cmd == power && -z $sub ]]; then
        COMPREPLY=($(compgen -W "transition" -- "$cur"))
    else
        case $cmd in
            threat | align | drivers | report | states | power | coop)
                COMPREPLY=($(compgen -W "$(_shi_states)" -- "$cur")) ;;
        esac
    fi
}
complete -F _shi shi
