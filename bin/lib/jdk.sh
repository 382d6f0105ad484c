# Finds a JDK 25 or newer and sets FLOWSCORE_JAVA_HOME to it. Sourced by bin/flowscore and bin/run-tests.
# Order: $JAVA_HOME, then `java` on the PATH, then the usual install folders.

flowscore_java_major() {
    # Prints the feature version (17, 25, ...) of the java binary $1, or nothing.
    "$1" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

flowscore_is_jdk25() {
    local home=$1 major
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
    major=$(flowscore_java_major "$home/bin/java")
    [ -n "$major" ] && [ "$major" -ge 25 ]
}

flowscore_find_jdk() {
    local candidate java_on_path
    if [ -n "${JAVA_HOME:-}" ] && flowscore_is_jdk25 "$JAVA_HOME"; then
        FLOWSCORE_JAVA_HOME=$JAVA_HOME
        return 0
    fi
    if java_on_path=$(command -v java 2>/dev/null); then
        candidate=$(dirname "$(dirname "$(readlink -f "$java_on_path")")")
        if flowscore_is_jdk25 "$candidate"; then
            FLOWSCORE_JAVA_HOME=$candidate
            return 0
        fi
    fi
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
                     "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
                     /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        if flowscore_is_jdk25 "$candidate"; then
            FLOWSCORE_JAVA_HOME=$candidate
            return 0
        fi
    done
    cat >&2 <<'MSG'
flowscore: no JDK 25 or newer found (looked at $JAVA_HOME, java on the PATH, /usr/lib/jvm, /opt/java,
~/.sdkman, ~/.jdks). flowscore needs Java 25 because its machine-learning library (Smile 6) does.
Install one, for example Eclipse Temurin 25 (https://adoptium.net, or the temurin-25-jdk package from
Adoptium's apt repository), then run again or set JAVA_HOME to its folder.
MSG
    return 1
}

flowscore_maven_jvm_opts() {
    # Maven 3.8/3.9 still use sun.misc.Unsafe through Guava; JDK 24+ warns about it on every build.
    echo "--sun-misc-unsafe-memory-access=allow"
}
