# The brochure tool in a container: the self-contained release jar on a Java 21 runtime.
#
#   mvn -B -DskipTests package            # or download brochure.jar from a release into target/
#   docker build -t brochure .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/work" brochure init my-brochure
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD/my-brochure:/work" brochure build
#
# The jar carries the built-in theme, fonts, layouts and the init examples, so nothing else of the
# repository is copied. The image cache lives in the container's /tmp (BROCHURE_CACHE), so a
# build works under any user id; mount a folder there to keep it between runs.
FROM eclipse-temurin:21-jre
COPY target/brochure.jar /opt/brochure/brochure.jar
ENV BROCHURE_CACHE=/tmp/brochure-cache
WORKDIR /work
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-jar", "/opt/brochure/brochure.jar"]
CMD ["--help"]
