"""The video notebook's comparison over seeds: next-frame prediction and motion direction.

    data = video_data()                        # the clips of both tasks and the baselines' scores
    record, model = video_run("convlstm", seed=0)   # one point: the notebook reruns it live
    settings, runs = video_models(seeds=(0, 1, 2))

Next frame: ``bouncing_clips`` (600 training, 100 validation, 200 test clips, each made of the digit
images of its own part of ``DIGIT_SPLIT``); the ConvLSTM reads the first ``OBSERVED`` frames of a
test clip and predicts the next ``HORIZON`` recursively; squared error and centre-of-mass distance
per step ahead, against copying the last frame, a blank frame and sliding the last frame on by the
last motion. Direction: ``moving_clips`` (600 / 200 / 400); the per-frame CNN with a GRU on top
against the same CNN averaged over frames: accuracy, the accuracy on the axis only (up/down against
left/right), and what each model answers when the test clips are played backwards. The clips are
the same for every run; the seed sets the weights and the batch order.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import check_choice, check_seed
from rnn_helpers.datasets.video import FRAMES, bouncing_clips, digit_images, moving_clips
from rnn_helpers.sweeps import check_seeds
from rnn_helpers.video import centre_error, confusion, constant_shift, copy_last, mse_by_horizon

SEEDS = (0, 1, 2)
MODELS = ("convlstm", "gru", "average")
SIZES = {"bouncing": (600, 100, 200), "moving": (600, 200, 400)}       # train, validation, test clips
CLIP_SEEDS = {"train": 0, "val": 1, "test": 2}
OBSERVED, HORIZON = 5, FRAMES - 5
FILTERS, KERNEL, FRAME_EPOCHS, FRAME_LR = 8, 3, 8, 1e-2
DIRECTION_EPOCHS, DIRECTION_LR = 10, 3e-3
BATCH_SIZE = 32
VIDEO_DATA_KEYS = ("bouncing", "moving", "baselines")


def _axis(d):
    return np.asarray(d) // 2                       # DIRECTIONS: up, down (0, 1) | left, right (2, 3)


def video_data() -> dict:
    """The clips of both tasks ({"bouncing" | "moving": {"train" | "val" | "test": Clips}}) and the
    next-frame baselines' squared error and centre distance per step ahead on the test clips."""
    data = {}
    for task, make in (("bouncing", bouncing_clips), ("moving", moving_clips)):
        data[task] = {part: make(*digit_images(part), n, seed=CLIP_SEEDS[part])
                      for part, n in zip(("train", "val", "test"), SIZES[task])}
    test = data["bouncing"]["test"].frames
    observed, future = test[:, :OBSERVED], test[:, OBSERVED:]
    forecasts = {"copy_last": copy_last(observed, HORIZON),
                 "constant_shift": constant_shift(observed, HORIZON), "blank": np.zeros_like(future)}
    data["baselines"] = {}
    for name, f in forecasts.items():
        entry = {"mse": [float(v) for v in mse_by_horizon(f, future)]}
        if name != "blank":                         # a blank frame has no centre of mass
            entry["centre_error"] = [float(v) for v in centre_error(f, future)]
        data["baselines"][name] = entry
    return data


def _check_data(data) -> dict:
    if not isinstance(data, dict):
        raise TypeError(f"data: expected the dict of video_data() (keys {VIDEO_DATA_KEYS}), got "
                        f"{type(data).__name__}")
    missing = [k for k in VIDEO_DATA_KEYS if k not in data]
    if missing:
        raise ValueError(f"data: expected the dict of video_data(), it lacks the keys {missing}")
    return data


def video_run(model, seed, data=None) -> tuple[dict, object]:
    """One model ("convlstm", "gru" or "average") with one seed, trained and scored on the test clips;
    (record of plain numbers, the trained Keras model)."""
    from rnn_helpers.models.video import (
        build_direction_model,
        build_frame_predictor,
        predict_ahead,
        predict_directions,
        train_direction_model,
        train_frame_predictor,
    )

    model = check_choice("model", model, MODELS)
    seed = check_seed(seed)
    data = video_data() if data is None else _check_data(data)
    record = {"model": model, "seed": seed}
    if model == "convlstm":
        clips = data["bouncing"]
        net = build_frame_predictor(filters=FILTERS, kernel=KERNEL, seed=seed, learning_rate=FRAME_LR)
        history = train_frame_predictor(net, clips["train"].frames, clips["val"].frames, epochs=FRAME_EPOCHS,
                                        batch_size=BATCH_SIZE)
        test = clips["test"].frames
        predicted = predict_ahead(net, test[:, :OBSERVED], HORIZON)
        record.update(val_loss=history["val_loss"],
                      mse=[float(v) for v in mse_by_horizon(predicted, test[:, OBSERVED:])],
                      centre_error=[float(v) for v in centre_error(predicted, test[:, OBSERVED:])])
        return record, net
    clips = data["moving"]
    net = build_direction_model(model, seed=seed, learning_rate=DIRECTION_LR)
    history = train_direction_model(net, clips["train"].frames, clips["train"].directions,
                                    clips["val"].frames, clips["val"].directions,
                                    epochs=DIRECTION_EPOCHS, batch_size=BATCH_SIZE)
    test, truth = clips["test"].frames, clips["test"].directions
    guess = predict_directions(net, test).argmax(axis=1)
    backwards = predict_directions(net, test[:, ::-1]).argmax(axis=1)
    record.update(val_accuracy=history["val_accuracy"],
                  accuracy=float(np.mean(guess == truth)),
                  axis_accuracy=float(np.mean(_axis(guess) == _axis(truth))),
                  reversed_accuracy=float(np.mean(backwards == truth)),
                  reversed_same_answer=float(np.mean(backwards == guess)),
                  confusion=confusion(truth, guess).tolist())
    return record, net


def horizon_errors(sweep, measure="mse") -> dict:
    """{label: errors by step ahead} from the committed ``video_models`` sweep, for
    ``plots.forecast.plot_error_by_horizon``: the baselines (H,) and the ConvLSTM (seeds, H), always
    in the same order (so each keeps its colour); ``measure`` "mse" or "centre_error" (no blank)."""
    measure = check_choice("measure", measure, ("mse", "centre_error"))
    if getattr(sweep, "name", None) != "video_models":
        raise TypeError(f"sweep: expected load_sweep('video_models'), got {sweep!r:.60}")
    base = sweep.settings["baselines"]
    out = {"copy last": np.array(base["copy_last"][measure]),
           "physics": np.array(base["constant_shift"][measure]),
           "ConvLSTM (3 seeds)": sweep.values(measure, model="convlstm")}
    if measure == "mse":
        out["blank"] = np.array(base["blank"]["mse"])
    return out


def video_models(seeds=SEEDS):
    """Every model with each seed; the baselines (no seed) are recomputed by ``video_data``."""
    seeds = check_seeds(seeds)
    data = video_data()
    settings = {
        "data": {task: dict(zip(("train", "val", "test"), SIZES[task])) for task in SIZES},
        "clip_seeds": CLIP_SEEDS, "seeds": list(seeds),
        "convlstm": f"ConvLSTM2D({FILTERS}, {KERNEL}, same) -> Conv3D(1, (1, 3, 3), sigmoid), binary "
                    f"cross-entropy, Adam({FRAME_LR}), {FRAME_EPOCHS} epochs; reads {OBSERVED} frames and "
                    f"predicts {HORIZON} recursively",
        "direction": f"TimeDistributed(Conv2D(8, 3) -> MaxPool -> Dense(32)) -> GRU(32) or the average over "
                     f"frames -> Dense(4), Adam({DIRECTION_LR}), {DIRECTION_EPOCHS} epochs",
        "batch_size": BATCH_SIZE, "chance": 0.25, "order_free_ceiling": 0.5,
        "epochs": {model: FRAME_EPOCHS if model == "convlstm" else DIRECTION_EPOCHS for model in MODELS},
        "baselines": data["baselines"],
    }
    runs = [video_run(model, seed, data)[0] for model in MODELS for seed in seeds]
    return settings, runs
