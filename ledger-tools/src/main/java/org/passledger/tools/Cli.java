package org.passledger.tools;

import java.util.Set;

/** Runs a tool's body and turns its failures into a message on stderr and an exit code. */
final class Cli {

    /** A failure the user can act on: printed without a stack trace. */
    static final class ToolException extends RuntimeException {
        ToolException(String message) {
            super(message);
        }

        ToolException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    interface Body {
        void run(Args args) throws Exception;
    }

    private Cli() {
    }

    static void main(String[] argv, String usage, Set<String> options, Body body) {
        int code = execute(argv, usage, options, body);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int execute(String[] argv, String usage, Set<String> options, Body body) {
        try {
            if (argv.length == 1 && (argv[0].equals("--help") || argv[0].equals("-h"))) {
                System.out.println(usage);
                return 0;
            }
            body.run(Args.parse(argv, options));
            return 0;
        } catch (Args.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage);
            return 2;
        } catch (ToolException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("error: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
