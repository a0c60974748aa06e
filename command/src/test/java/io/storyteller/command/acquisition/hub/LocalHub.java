package io.storyteller.command.acquisition.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Hub on localhost speaking the shapes the client reads: {@code /api/models},
 * {@code /api/models/{repo}/revision/{rev}} with LFS siblings, and {@code /{repo}/resolve/{commit}/{path}}
 * with Range requests. A repository can be gated (401 without the token), a file can be cut off
 * once mid-way, and its advertised SHA-256 can be made wrong.
 */
public final class LocalHub implements AutoCloseable {

    public static final String TOKEN = "hf_local_secret_token";
    public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    public record Repo(String id, byte[] weights, String license, boolean gated, String advertisedSha256) {
    }

    public final Map<String, Repo> repos = new ConcurrentHashMap<>();
    /** Repositories served from a directory's real files (a model to run, not random bytes), by path. */
    private final Map<String, Map<String, byte[]>> fileRepos = new ConcurrentHashMap<>();
    private final Map<String, String> fileLicenses = new ConcurrentHashMap<>();
    private final Map<String, String> fileTasks = new ConcurrentHashMap<>();
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Bytes after which the next download of a file is cut off once; 0: never. */
    volatile int cutAfter;
    /** A file path to list beside the real ones, as a hostile Hub would; null: none. */
    volatile String extraPath;
    private final HttpServer server;

    public LocalHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Repo add(String id, int size, String license, boolean gated) {
        byte[] weights = new byte[size];
        new Random(id.hashCode()).nextBytes(weights);
        Repo repo = new Repo(id, weights, license, gated, sha256(weights));
        repos.put(id, repo);
        return repo;
    }

    /**
     * Serves every file under {@code directory} as repository {@code id}, at its relative path: ONNX
     * graphs as LFS files (SHA-256), the others as plain git blobs.
     */
    public void addFiles(String id, Path directory, String license) throws IOException {
        addFiles(id, directory, license, "text-generation");
    }

    /** As above, for a repository of the Hub task {@code pipelineTag} (e.g. {@code text-classification}). */
    public void addFiles(String id, Path directory, String license, String pipelineTag) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (var walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        fileRepos.put(id, files);
        fileLicenses.put(id, license);
        fileTasks.put(id, pipelineTag);
    }

    void advertiseWrongDigest(String id) {
        Repo repo = repos.get(id);
        repos.put(id, new Repo(id, repo.weights, repo.license, repo.gated, "0".repeat(64)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        try (exchange) {
            if (path.equals("/api/models")) {
                send(exchange, 200, listing());
                return;
            }
            for (var repo : fileRepos.entrySet()) {
                if (path.startsWith("/api/models/" + repo.getKey() + "/revision/")) {
                    send(exchange, 200, fileRevision(repo.getKey(), repo.getValue()));
                    return;
                }
                String prefix = "/" + repo.getKey() + "/resolve/" + COMMIT + "/";
                if (path.startsWith(prefix) && repo.getValue().containsKey(path.substring(prefix.length()))) {
                    serve(exchange, repo.getValue().get(path.substring(prefix.length())));
                    return;
                }
            }
            for (Repo repo : repos.values()) {
                if (path.startsWith("/api/models/" + repo.id + "/revision/")) {
                    if (refused(exchange, repo)) return;
                    send(exchange, 200, revision(repo));
                    return;
                }
                if (path.startsWith("/" + repo.id + "/resolve/" + COMMIT + "/")) {
                    if (refused(exchange, repo)) return;
                    String file = path.substring(("/" + repo.id + "/resolve/" + COMMIT + "/").length());
                    serve(exchange, file.equals("config.json") ? config() : repo.weights);
                    return;
                }
            }
            send(exchange, 404, "{\"error\":\"Repository not found\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private boolean refused(HttpExchange exchange, Repo repo) throws IOException {
        if (repo.gated && !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":\"Access to model is restricted\"}".getBytes(StandardCharsets.UTF_8));
            return true;
        }
        return false;
    }

    private void serve(HttpExchange exchange, byte[] content) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(String.valueOf(range));
        int from = range == null ? 0 : Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
        int length = content.length - from;
        if (range != null) {
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
        }
        exchange.sendResponseHeaders(range == null ? 200 : 206, length);
        OutputStream out = exchange.getResponseBody();
        int cut = cutAfter;
        if (cut > 0 && cut < length) {
            cutAfter = 0;
            out.write(content, from, cut);
            out.flush();
            // The connection drops mid-file: the client sees fewer bytes than announced.
            throw new IOException("cut off");
        }
        out.write(content, from, length);
    }

    public static byte[] config() {
        return "{\"model_type\":\"gpt2\"}".getBytes(StandardCharsets.UTF_8);
    }

    private byte[] listing() {
        StringBuilder json = new StringBuilder("[");
        int downloads = 1000;
        for (Repo repo : repos.values()) {
            json.append(json.length() > 1 ? "," : "").append("{\"id\":\"").append(repo.id)
                    .append("\",\"pipeline_tag\":\"text-generation\",\"library_name\":\"onnx\",\"downloads\":")
                    .append(downloads++).append(",\"gated\":").append(repo.gated ? "\"manual\"" : "false")
                    .append(",\"usedStorage\":").append(repo.weights.length)
                    .append(",\"tags\":[\"onnx\",\"license:").append(repo.license).append("\"]}");
        }
        return json.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] revision(Repo repo) {
        byte[] config = config();
        String json = """
                {"id":"%s","sha":"%s","pipeline_tag":"text-generation","library_name":"onnx","gated":%s,
                 "cardData":{"license":"%s"},"tags":["license:%s"],
                 "siblings":[{"rfilename":".gitattributes","size":10,"blobId":"%s"},
                   {"rfilename":"config.json","size":%d,"blobId":"%s"},
                   %s{"rfilename":"onnx/model.onnx","size":%d,"blobId":"%s","lfs":{"sha256":"%s","size":%d,"pointerSize":134}}]}"""
                .formatted(repo.id, COMMIT, repo.gated ? "\"manual\"" : "false", repo.license, repo.license, "a".repeat(40),
                        config.length, gitBlobId(config),
                        extraPath == null ? "" : "{\"rfilename\":\"" + extraPath + "\",\"size\":3,\"blobId\":\"" + "c".repeat(40) + "\"},",
                        repo.weights.length, "b".repeat(40), repo.advertisedSha256,
                        repo.weights.length);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] fileRevision(String id, Map<String, byte[]> files) {
        String license = fileLicenses.get(id);
        StringBuilder siblings = new StringBuilder();
        files.forEach((name, bytes) -> {
            siblings.append(siblings.isEmpty() ? "" : ",").append("{\"rfilename\":\"").append(name).append("\",\"size\":")
                    .append(bytes.length);
            if (name.endsWith(".onnx")) {
                siblings.append(",\"blobId\":\"").append("b".repeat(40)).append("\",\"lfs\":{\"sha256\":\"")
                        .append(sha256(bytes)).append("\",\"size\":").append(bytes.length).append(",\"pointerSize\":134}}");
            } else {
                siblings.append(",\"blobId\":\"").append(gitBlobId(bytes)).append("\"}");
            }
        });
        return """
                {"id":"%s","sha":"%s","pipeline_tag":"%s","library_name":"onnx","gated":false,
                 "cardData":{"license":"%s"},"tags":["license:%s"],"siblings":[%s]}"""
                .formatted(id, COMMIT, fileTasks.get(id), license, license, siblings).getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    static String sha256(byte[] bytes) {
        return digest("SHA-256", bytes, new byte[0]);
    }

    static String gitBlobId(byte[] bytes) {
        return digest("SHA-1", bytes, ("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(String algorithm, byte[] bytes, byte[] prefix) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(prefix);
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
