package io.twilioprovisioning.clients;

/**
 * Whether a client business is still served. Numbers are only bought for or moved to
 * active clients.
 */
public enum ClientStatus {

	ACTIVE, INACTIVE

}
