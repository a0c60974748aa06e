package io.storyteller.domain.acquisition;

/** The steps of an acquisition after its request, in order. */
public enum AcquisitionStep {
    /** The repository's files at the revision are fetched into the download directory. */
    DOWNLOAD,
    /** Every file is hashed and compared with the Hub's metadata. */
    VERIFY,
    /** The files are entered in the model registry as a version. */
    REGISTER,
    /** An evaluation of the new version is asked for. */
    EVALUATE
}
