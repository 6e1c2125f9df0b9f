package dev.baton.engine.variables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP/1.1 by hand, for what ordinary clients will not send: header bytes that are not ASCII, and
 * bodies that a client stops sending once the server has answered.
 */
final class RawHttp {

  /** Status line and the rest of an answer. */
  record Answer(int status, String text) {}

  private RawHttp() {}

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends the head (header lines as raw bytes), then {@code bodyBytes} of JSON-ish filler, chunked
   * when {@code chunked}; reads the answer until the server closes or the answer is complete.
   */
  static Answer send(int port, byte[] head, long bodyBytes, boolean chunked) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      byte[] piece = new byte[64 * 1024];
      java.util.Arrays.fill(piece, (byte) ' ');
      long left = bodyBytes;
      try {
        while (left > 0) {
          int n = (int) Math.min(piece.length, left);
          if (chunked) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          }
          out.write(piece, 0, n);
          if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          left -= n;
        }
        if (chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException serverStoppedReading) {
        // the server answered and closed before the whole body was sent: read its answer
      }
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        answer.write(buffer, 0, n);
        String text = answer.toString(StandardCharsets.ISO_8859_1);
        if (text.contains("\r\n\r\n") && (text.endsWith("}") || text.endsWith("\r\n0\r\n\r\n"))) {
          break;
        }
      }
    } catch (IOException reset) {
      // what arrived before the reset is the answer
    }
    String text = answer.toString(StandardCharsets.UTF_8);
    int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
    return new Answer(status, text);
  }
}
