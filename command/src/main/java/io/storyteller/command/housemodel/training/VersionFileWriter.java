package io.storyteller.command.housemodel.training;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes one file of a model version; a seam so tests can make a save fail part-way. */
@FunctionalInterface
interface VersionFileWriter {

    void write(Path file, byte[] bytes) throws IOException;

    /** Forces each file to disk before the version is renamed into place, so a crash cannot leave it empty. */
    VersionFileWriter DURABLE = (file, bytes) -> {
        try (FileChannel channel = FileChannel.open(file,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    };
}
