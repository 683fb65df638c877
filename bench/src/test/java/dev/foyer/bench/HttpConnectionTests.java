package dev.foyer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpConnectionTests {

    private ServerSocket server;
    private final List<String> requestLines = new ArrayList<>();
    private final List<String> cookieHeaders = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readWhenContentLengthThenBodyAndConnectionKept() throws Exception {
        serve(List.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello"),
                List.of("HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 0\r\n\r\n"));
        try (HttpConnection http = new HttpConnection("127.0.0.1", server.getLocalPort())) {
            HttpConnection.Response first = http.get("/a", null, null);
            HttpConnection.Response second = http.get("/b", null, null);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("hello");
            assertThat(first.header("content-type")).isEqualTo("text/plain");
            assertThat(second.status()).isEqualTo(302);
            assertThat(second.header("location")).isEqualTo("/next");
        }
        assertThat(requestLines).containsExactly("GET /a HTTP/1.1", "GET /b HTTP/1.1");
    }

    @Test
    void readWhenChunkedThenChunksJoinedAcrossMultiByteCharacters() throws Exception {
        // "é" is two bytes in UTF-8, split across two chunks.
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        String body = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\nabc" + new String(new byte[] {e[0]}, StandardCharsets.ISO_8859_1) + "\r\n"
                + "3;ext=1\r\n" + new String(new byte[] {e[1]}, StandardCharsets.ISO_8859_1) + "de\r\n"
                + "0\r\n\r\n";
        serve(List.of(body));
        try (HttpConnection http = new HttpConnection("127.0.0.1", server.getLocalPort())) {
            assertThat(http.get("/", null, null).body()).isEqualTo("abc\u00e9de");
        }
    }

    @Test
    void sendWhenServerClosedKeptConnectionThenReconnectsOnce() throws Exception {
        serve(List.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"),
                List.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nagain"));
        try (HttpConnection http = new HttpConnection("127.0.0.1", server.getLocalPort())) {
            assertThat(http.get("/1", null, null).body()).isEqualTo("ok");
            assertThat(http.get("/2", null, null).body()).isEqualTo("again");
        }
    }

    @Test
    void cookiesWhenSetThenSentBackAndRemovedByMaxAgeZero() throws Exception {
        serve(List.of(
                "HTTP/1.1 200 OK\r\nSet-Cookie: a=1; Path=/; HttpOnly\r\nSet-Cookie: b=2; Path=/\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nSet-Cookie: a=; Max-Age=0; Path=/\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
        Cookies cookies = new Cookies();
        try (HttpConnection http = new HttpConnection("127.0.0.1", server.getLocalPort())) {
            http.get("/set", cookies, null);
            http.get("/clear", cookies, Map.of());
            http.get("/after", cookies, null);
        }
        assertThat(cookieHeaders).containsExactly("", "a=1; b=2", "b=2");
    }

    @Test
    void postWhenBodyThenContentLengthInBytes() throws Exception {
        List<String> bodies = new ArrayList<>();
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                int length = 0;
                String line;
                while (!(line = in.readLine()).isEmpty()) {
                    if (line.startsWith("Content-Length: ")) {
                        length = Integer.parseInt(line.substring(16));
                    }
                }
                bodies.add(length + ":" + (char) in.read());
                socket.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // the test fails on the assertion
            }
        });
        thread.start();
        try (HttpConnection http = new HttpConnection("127.0.0.1", server.getLocalPort())) {
            assertThat(http.post("/p", null, null, "text/plain", "é").status()).isEqualTo(204);
        }
        thread.join(5000);
        assertThat(bodies).containsExactly("2:é");
    }

    @Test
    void readWhenNotHttpThenFails() throws Exception {
        serve(List.of("SSH-2.0-OpenSSH\r\n\r\n"));
        try (HttpConnection http = new HttpConnection("127.0.0.1", server.getLocalPort())) {
            assertThatThrownBy(() -> http.get("/", null, null)).isInstanceOf(IOException.class)
                    .hasMessageContaining("Not an HTTP response");
        }
    }

    /** Serves each connection's canned responses in order, one per request, recording what came in. */
    @SafeVarargs
    private void serve(List<String>... connections) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            for (List<String> responses : connections) {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    OutputStream out = socket.getOutputStream();
                    for (String response : responses) {
                        String requestLine = in.readLine();
                        synchronized (requestLines) {
                            requestLines.add(requestLine);
                        }
                        String cookie = "";
                        String line;
                        while (!(line = in.readLine()).isEmpty()) {
                            if (line.startsWith("Cookie: ")) {
                                cookie = line.substring(8);
                            }
                        }
                        synchronized (cookieHeaders) {
                            cookieHeaders.add(cookie);
                        }
                        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }
}
