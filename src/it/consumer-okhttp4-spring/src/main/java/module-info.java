module consumer {
  requires io.github.yeastarsdk;
  requires jdk.httpserver;
}
