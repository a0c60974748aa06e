package io.storyteller.command.training.openai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A {@code multipart/form-data} body of text fields and files, built in memory (datasets are small). */
final class MultipartBody {

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    MultipartBody(String boundary) {
        this.boundary = boundary;
    }

    MultipartBody field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    MultipartBody file(String name, String fileName, String contentType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + fileName.replace("\"", "") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    byte[] bytes() {
        write("--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
