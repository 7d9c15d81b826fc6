// The Jupyter widgets' HTML manager typesets widget labels with MathJax 2's API,
// MathJax.Hub.Queue(["Typeset", MathJax.Hub, element]); this site loads MathJax 3, which has no Hub
// (every label would throw "Cannot read properties of undefined (reading 'Queue')").
// Loaded with defer after MathJax 3 (conf.py), it passes that one call on to MathJax 3.
(function () {
  var mj = window.MathJax;
  if (!mj || !mj.startup || mj.Hub) {
    return;                                   // a page without maths: the manager skips typesetting
  }
  mj.Hub = {
    Queue: function (job) {                   // job = ["Typeset", MathJax.Hub, element]
      var element = job[2];
      mj.startup.promise = mj.startup.promise.then(function () {
        return mj.typesetPromise(element ? [element] : undefined);
      });
    },
  };
})();
