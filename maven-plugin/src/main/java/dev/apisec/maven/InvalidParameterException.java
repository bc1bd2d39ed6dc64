package dev.apisec.maven;

/** A parameter of the check goal has a value apisec cannot use; the message names the parameter. */
public final class InvalidParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String message) {
        super(message);
    }

    static InvalidParameterException of(String parameter, String property, String value, String allowed) {
        return new InvalidParameterException("apisec: invalid value '" + value + "' for parameter " + parameter
                + " (" + property + "); allowed: " + allowed);
    }
}
