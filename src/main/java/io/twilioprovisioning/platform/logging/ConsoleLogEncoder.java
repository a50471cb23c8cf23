package io.twilioprovisioning.platform.logging;

import java.nio.charset.Charset;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.util.StringUtils;

/**
 * The console encoder of {@code logback-spring.xml}: Spring Boot's structured JSON when
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE} is set, else the readable pattern
 * ({@code logging.pattern.console}), as Spring Boot chooses without an XML file.
 */
public class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {

	private String pattern;

	private String format;

	private Charset charset;

	private Encoder<ILoggingEvent> delegate;

	public void setPattern(String pattern) {
		this.pattern = pattern;
	}

	public void setFormat(String format) {
		this.format = format;
	}

	public void setCharset(Charset charset) {
		this.charset = charset;
	}

	@Override
	public void start() {
		if (StringUtils.hasText(this.format)) {
			StructuredLogEncoder structured = new StructuredLogEncoder();
			structured.setFormat(this.format);
			structured.setCharset(this.charset);
			this.delegate = structured;
		}
		else {
			PatternLayoutEncoder patterned = new PatternLayoutEncoder();
			patterned.setPattern(this.pattern);
			patterned.setCharset(this.charset);
			this.delegate = patterned;
		}
		this.delegate.setContext(getContext());
		this.delegate.start();
		super.start();
	}

	@Override
	public void stop() {
		if (this.delegate != null) {
			this.delegate.stop();
		}
		super.stop();
	}

	@Override
	public byte[] headerBytes() {
		return this.delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return this.delegate.encode(event);
	}

	@Override
	public byte[] footerBytes() {
		return this.delegate.footerBytes();
	}

}
