namespace T; public class A { [Fact] public void B() => 1.ShouldBe(1); }
