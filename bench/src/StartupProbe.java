import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Start-up of a server, measured from the moment its process is started to its first 200 answer to GET /: a client
 * polls every 0.5 ms from the first millisecond (a connection refused costs microseconds, so the poll is as tight as
 * it can be without taking a core from the server it waits for). Starts the command RUNS times, each on a free port
 * ("{port}" in the command), stops it, and prints each time with the CPU time the server had used by then (less
 * sensitive to a busy machine than the wall clock), then "median MS worst MS".
 * Usage: java StartupProbe RUNS LOG COMMAND... (run from the directory the command expects).
 */
public final class StartupProbe {

    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        File log = new File(args[1]);
        List<String> template = Arrays.asList(args).subList(2, args.length);
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long[] took = once(template, log);
            millis[i] = took[0];
            System.out.println("start " + (i + 1) + ": " + took[0] + " ms (cpu " + took[1] + " ms)");
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        long median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        System.out.println("median " + median + " worst " + sorted[runs - 1]);
    }

    /** Wall-clock and CPU milliseconds from the process's start to its first 200. */
    private static long[] once(List<String> template, File log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        template.forEach(part -> command.add(part.replace("{port}", Integer.toString(port))));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        long begin = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - begin < TIMEOUT_NS) {
                if (answers200(port)) {
                    return new long[] {(System.nanoTime() - begin) / 1_000_000, cpuMillis(process.pid())};
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
                }
                LockSupport.parkNanos(500_000);
            }
            throw new IllegalStateException("no answer to GET / within 60 s; see " + log);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** One raw GET /: true on a 200, false while nothing listens or the answer is not (yet) a 200. */
    private static boolean answers200(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] status = in.readNBytes(12);
            return new String(status, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    /** utime + stime from /proc (Linux), in clock ticks of 10 ms; -1 where there is no /proc. */
    private static long cpuMillis(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
