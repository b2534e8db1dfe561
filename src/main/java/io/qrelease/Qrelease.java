package io.qrelease;

public class Qrelease {
  public static void main(String[] args) {
  }
}
